import ThuTucKnowledge

/// How much of the stated times and fees became numbers.
///
/// Only channels whose source states something count: a time or fee of
/// "Không có thông tin" is absent, not unread.
public struct CoverageFigures: Sendable, Hashable {
    /// Channels whose source gives a time.
    public var timesGiven = 0
    /// Of those, times with a numeric value.
    public var timesWithValue = 0
    /// Channels whose source gives a fee.
    public var feesGiven = 0
    /// Of those, fees with an amount in đồng (0 for "Miễn phí").
    public var feesWithAmount = 0

    public init() {}

    /// Adds the channels of `procedure`.
    public mutating func add(_ procedure: Procedure) {
        for channel in procedure.channels {
            if let time = channel.time {
                timesGiven += 1
                if time.value != nil { timesWithValue += 1 }
            }
            if let fee = channel.fee {
                feesGiven += 1
                if fee.amount != nil { feesWithAmount += 1 }
            }
        }
    }

    /// Percentage of given times with a value (100 when none are given).
    public var timeShare: Double { Self.share(timesWithValue, of: timesGiven) }

    /// Percentage of given fees with an amount (100 when none are given).
    public var feeShare: Double { Self.share(feesWithAmount, of: feesGiven) }

    private static func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 100 : Double(part) * 100 / Double(whole)
    }
}
