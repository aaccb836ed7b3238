module example.com/order

go 1.26.0
