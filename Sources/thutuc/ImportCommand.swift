import ThuTucImport

/// `thutuc import DIR... [--knowledge OUT] [--retrieved [NAME=]YYYY-MM]...`:
/// turns the source directories into OUT/procedures/*.jsonl and OUT/manifest.json.
///
/// Each DIR is recognised by its layout (a portal export or a Word export).
/// The catalogue written is exactly what the DIRs hold, so importing one
/// source alone removes the other's files; the command says which.
enum ImportCommand {
    static let spec = CommandSpec(
        name: "import",
        synopsis: ["thutuc import [--knowledge OUT] [--retrieved [NAME=]YYYY-MM]... DIR..."],
        summary: "Imports the sources (portal export, Word export) into the knowledge directory.",
        details: """
            arguments and options:
              DIR                   a source, recognised by its layout: a portal export (one folder per
                                    ministry, as ../shared/data/dichvucong) or a Word export (one ministry's
                                    <code>.json records, as ../shared/data/bo-quoc-phong); give every source
                                    the catalogue holds:
                                      thutuc import ../shared/data/dichvucong ../shared/data/bo-quoc-phong
              --knowledge OUT       the Knowledge directory to write (default: ./Knowledge)
              --retrieved M         the month every source was retrieved; NAME=M for the source whose
                                    directory is named NAME (repeatable). Defaults: portal export \(SourceFormat.portalExport.defaultRetrieved),
                                    Word export \(SourceFormat.wordExport.defaultRetrieved)

            Writes OUT/procedures/*.jsonl and OUT/manifest.json; exits 1 if any record could
            not be imported (the others are still written).
            """,
        options: ["--knowledge", "--retrieved"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        guard !parsed.positionals.isEmpty else { throw UsageError("missing a source directory DIR") }
        let sources: [CatalogSource]
        do {
            let months = try retrievedMonths(parsed.allValues("--retrieved"))
            let names = Set(parsed.positionals.map(CatalogSource.name(of:)))
            if let unknown = months.byName.keys.sorted().first(where: { !names.contains($0) }) {
                throw UsageError("--retrieved \(unknown)=…: no source directory given is named '\(unknown)'")
            }
            sources = try parsed.positionals.map { path throws(ImportError) in
                try CatalogSource.recognise(path, retrieved: months.byName[CatalogSource.name(of: path)] ?? months.all)
            }
        } catch let error as ImportError {
            // A directory of no known layout, or a month that is not one: the command line's mistake.
            throw UsageError(error.description)
        }
        let importer = CatalogImporter(sources: sources, knowledge: parsed.value("--knowledge") ?? "Knowledge")
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try importer.run()
        let elapsed = clock.now - start
        print(outcome.reports.map { $0.rendered() }.joined(separator: "\n\n"))
        for name in outcome.removed {
            print("removed \(importer.knowledge)/procedures/\(name): its ministry is in none of the sources")
        }
        print("wrote \(importer.knowledge)/procedures and \(importer.knowledge)/manifest.json in \(milliseconds(elapsed)) ms")
        return outcome.reports.allSatisfy { $0.failures.isEmpty } ? 0 : Dispatcher.failureStatus
    }

    /// The `--retrieved` values: one for every source, and per source name.
    private static func retrievedMonths(_ values: [String]) throws(ImportError) -> (all: String?, byName: [String: String]) {
        var all: String?
        var byName: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            let month = parts.last ?? value
            guard CatalogImporter.isMonth(month) else { throw .invalidRetrieved(value) }
            if parts.count == 2 { byName[parts[0]] = month } else { all = month }
        }
        return (all, byName)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
