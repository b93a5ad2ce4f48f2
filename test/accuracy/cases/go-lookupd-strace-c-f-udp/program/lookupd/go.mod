module lookupd

go 1.19
