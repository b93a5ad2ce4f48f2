// The command-line tools that run commands in containers: a prompt may begin with them, a pipeline
// reads through them, and `exec` through them runs in the container's pid namespace.

/** Engines whose `exec` takes the container, then the command: docker, podman, nerdctl, crictl. */
export const DOCKER_LIKE_CLIS: ReadonlySet<string> = new Set(['docker', 'podman', 'nerdctl', 'crictl']);
/** kubectl and its aliases (`k`, OpenShift's `oc`): `exec POD -- COMMAND`. */
export const KUBE_LIKE_CLIS: ReadonlySet<string> = new Set(['kubectl', 'oc', 'k']);
/** Every one of them, and docker-compose. */
export const CONTAINER_CLIS: ReadonlySet<string> = new Set([...DOCKER_LIKE_CLIS, ...KUBE_LIKE_CLIS, 'docker-compose']);
