/// The cluster step: one instance keeping its sessions in memory against
/// three keeping them in Redis behind HAProxy, with the same questions and
/// the same load generator in the same run.
struct ClusterFigures: Codable, Sendable {
    /// "measured", or why not ("haproxy not installed, skipped").
    var status: String
    var instances = 0
    /// One instance, memory store: the closed loop at 100 connections, one
    /// connection pipelined 16 deep, the open loop.
    var single: [LoadResult] = []
    /// HAProxy, the instances and Redis: the same loads.
    var cluster: [LoadResult] = []
    /// CPU during the cluster's closed loop, warm-up included, in % of one
    /// core: "instances", "haproxy", "redis".
    var clusterCPUPercent: [String: Double] = [:]

    /// The closed loop's answered per second, cluster over single.
    var throughputRatio: Double? {
        guard let single = single.first, let cluster = cluster.first, single.answeredPerSecond > 0 else { return nil }
        return cluster.answeredPerSecond / single.answeredPerSecond
    }
}
