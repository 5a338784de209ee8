enum ImportCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        print("import: not built yet")
        return 1
    }
}
