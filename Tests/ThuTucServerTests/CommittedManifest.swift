import Foundation

/// What the committed Knowledge/manifest.json says: the figures STATS,
/// /metrics and the start line must repeat, read rather than written into
/// the tests, so that a re-import does not break them.
struct CommittedManifest {
    let records: Int
    /// The latest month any source was retrieved.
    let latestRetrieved: String

    static func read(repository: String) throws -> CommittedManifest {
        let data = try Data(contentsOf: URL(fileURLWithPath: repository + "/Knowledge/manifest.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let sources = object["sources"] as? [[String: Any]] ?? []
        return CommittedManifest(
            records: object["records"] as? Int ?? -1,
            latestRetrieved: sources.compactMap { $0["retrieved"] as? String }.max() ?? "?"
        )
    }
}
