/// Latencies in nanoseconds, counted in log-linear buckets (HdrHistogram-style) so that a run of any
/// length keeps a fixed 30 KB instead of every sample, with percentiles within 1/128 of the truth.
///
/// Values below 128 ns have a bucket each. Above, every power of two [2^e, 2^(e+1)) is cut into 64
/// equal sub-buckets of width 2^(e-6): a bucket is at most 1/64 of its lower bound wide, and a
/// percentile reports the bucket's midpoint, so it is within 1/128 of the exact sample value.
/// `record` is a shift, a count-leading-zeros and an increment: O(1) with no allocation (the
/// counts are allocated once, in `init`), cheap enough for every request of a million-issue run.
/// A value type: copy it to snapshot it, `merge` to combine the histograms of concurrent workers.
public struct LatencyHistogram: Sendable, Equatable {
    /// Linear sub-buckets per power of two, as a power of two: 6 bits, 64 sub-buckets.
    static let subBucketBits = 6
    static let subBucketCount = 1 << subBucketBits
    /// Enough buckets for every non-negative `Int64`: the largest index is that of `Int64.max`.
    static let bucketCount = index(of: .max) + 1

    /// Samples per bucket, indexed by `index(of:)`.
    var counts: [Int]
    /// The number of samples recorded.
    public internal(set) var count = 0
    /// The smallest sample recorded, exactly; 0 when empty.
    public internal(set) var min: Int64 = 0
    /// The largest sample recorded, exactly; 0 when empty.
    public internal(set) var max: Int64 = 0

    public init() {
        counts = [Int](repeating: 0, count: Self.bucketCount)
    }

    public var isEmpty: Bool { count == 0 }

    /// Counts one sample; `nanoseconds` must be >= 0.
    public mutating func record(_ nanoseconds: Int64) {
        withUnsafePointer(to: nanoseconds) { record(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Counts each of `samples`, all >= 0: one check of the counts' uniqueness for all of them,
    /// and none of their bounds (`index(of:)` is below `bucketCount` for every non-negative value).
    /// The harness's sink records its deliveries 32 at a time: one by one, each cost 55
    /// instructions, now 25 (callgrind, `unlimited-fast`).
    public mutating func record(_ samples: UnsafeBufferPointer<Int64>) {
        guard let first = samples.first else { return }
        var low = count == 0 ? first : min
        var high = count == 0 ? first : max
        counts.withUnsafeMutableBufferPointer { counts in
            for sample in samples {
                precondition(sample >= 0, "latency \(sample) ns is negative")
                counts[Self.index(of: sample)] &+= 1
                low = Swift.min(low, sample)
                high = Swift.max(high, sample)
            }
        }
        min = low
        max = high
        count &+= samples.count
    }

    /// Adds every sample of `other` to this histogram.
    public mutating func merge(_ other: LatencyHistogram) {
        guard !other.isEmpty else { return }
        for i in counts.indices where other.counts[i] != 0 { counts[i] &+= other.counts[i] }
        min = isEmpty ? other.min : Swift.min(min, other.min)
        max = Swift.max(max, other.max)
        count &+= other.count
    }

    /// The value below which `p` percent of the samples lie (nearest rank), `p` in 0...100.
    ///
    /// The exact nearest-rank sample lies in the bucket this finds; the result is that bucket's
    /// midpoint, clamped to `min...max`, so it is within 1/128 of the exact sample; the first and
    /// last ranks are `min` and `max` exactly. Deterministic: a function of the counts only.
    /// 0 when empty.
    public func percentile(_ p: Double) -> Int64 {
        precondition((0...100).contains(p), "percentile \(p) is outside 0...100")
        // Nearest rank: the smallest sample with at least p % of the samples at or below it.
        let rank = Swift.max(1, Int((p / 100 * Double(count)).rounded(.up)))
        if rank == 1 { return min }
        if rank >= count { return max }
        var seen = 0
        for (i, c) in counts.enumerated() where c != 0 {
            seen &+= c
            if seen >= rank {
                let (lower, width) = Self.bucket(at: i)
                return Swift.min(Swift.max(lower &+ (width - 1) / 2, min), max)
            }
        }
        return max
    }

    // MARK: - Buckets

    /// The bucket of a value: below 128 the value itself; above, 64 buckets per power of two.
    static func index(of value: Int64) -> Int {
        let magnitude = Int64.bitWidth - 1 - value.leadingZeroBitCount // floor(log2), -1 for 0
        let shift = Swift.max(0, magnitude - subBucketBits)
        return shift * subBucketCount + Int(value >> shift)
    }

    /// The smallest value of bucket `index` and how many values it holds.
    static func bucket(at index: Int) -> (lower: Int64, width: Int64) {
        guard index >= 2 * subBucketCount else { return (Int64(index), 1) }
        let shift = index / subBucketCount - 1
        return (Int64(index - shift * subBucketCount) << shift, 1 << shift)
    }
}
