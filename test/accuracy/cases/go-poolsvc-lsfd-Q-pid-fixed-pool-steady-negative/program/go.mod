module poolsvc

go 1.19
