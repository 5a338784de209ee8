@preconcurrency import Glibc
import ThuTucImport

/// `thutuc import DIR [--knowledge OUT] [--retrieved YYYY-MM]`: turns the
/// portal export in DIR into OUT/procedures/*.jsonl and OUT/manifest.json.
///
/// Exit status: 0 when every record was imported, 1 when some record could
/// not be (the others are still written), 2 for a usage error.
enum ImportCommand {
    static let usage = """
        usage: thutuc import DIR [--knowledge OUT] [--retrieved YYYY-MM]

          DIR               the portal export: one folder per ministry, one JSON file per procedure
          --knowledge OUT   the Knowledge directory to write (default: ./Knowledge)
          --retrieved M     the month the export was crawled (default: \(CatalogImporter.defaultRetrieved))
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let source: String
        let parsed: Arguments
        do {
            parsed = try Arguments(arguments, options: ["--knowledge", "--retrieved"], switches: ["--help"])
            if parsed.has("--help") {
                print(usage)
                return 0
            }
            source = try parsed.onePositional("the export directory DIR")
        } catch {
            fputs("thutuc import: \(error)\n\(usage)\n", stderr)
            return 2
        }
        let retrieved = parsed.value("--retrieved") ?? CatalogImporter.defaultRetrieved
        guard CatalogImporter.isMonth(retrieved) else {
            fputs("thutuc import: \(ImportError.invalidRetrieved(retrieved))\n\(usage)\n", stderr)
            return 2
        }
        let importer = CatalogImporter(source: source, knowledge: parsed.value("--knowledge") ?? "Knowledge", retrieved: retrieved)
        let clock = ContinuousClock()
        let start = clock.now
        let report: ImportReport
        do {
            report = try importer.run()
        } catch {
            fputs("thutuc import: \(error)\n", stderr)
            return 1
        }
        let elapsed = clock.now - start
        print(report.rendered())
        print("wrote \(importer.knowledge)/procedures and \(importer.knowledge)/manifest.json in \(milliseconds(elapsed)) ms")
        return report.failures.isEmpty ? 0 : 1
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
