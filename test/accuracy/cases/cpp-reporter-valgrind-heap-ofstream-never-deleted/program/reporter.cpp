// reporter: writes one report per tenant through a heap ofstream it never deletes.
#include <fstream>
#include <iostream>
#include <string>
static void write_report(int tenant) {
  auto *out = new std::ofstream("/tmp/r227/cpp3/out/report-" + std::to_string(tenant) + ".csv");
  *out << "tenant," << tenant << "\n";
  out->flush(); // bug: never `delete out`, so the file stays open
}
int main() {
  for (int t = 0; t < 55; t++) write_report(t);
  std::cout << "reporter: 55 reports written" << std::endl;
  return 0;
}
