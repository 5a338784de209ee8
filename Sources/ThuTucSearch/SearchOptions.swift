import ThuTucKnowledge

/// Deployment choices that change ranking, read from Config.
public struct SearchOptions: Sendable, Hashable {
    /// Levels in order of preference: a city deployment answers with the
    /// commune or province variant of a procedure before the central one.
    public var levelPreference: [Level]

    public init(levelPreference: [Level] = [.commune, .province, .ministry, .other]) {
        self.levelPreference = levelPreference
    }

    /// 0 for the most preferred level a procedure is carried out at, counting up.
    func levelRank(_ levels: [Level]) -> Int {
        levels.compactMap { levelPreference.firstIndex(of: $0) }.min() ?? levelPreference.count
    }
}
