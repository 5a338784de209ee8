print("thutuc-bench: not built yet")
