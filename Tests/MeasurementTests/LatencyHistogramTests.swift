import Contract
import Foundation
import Testing
@testable import Measurement

@Suite struct LatencyHistogramTests {
    /// Latencies spread log-uniformly over 1 ns ... 10 s, in a fixed order.
    static func randomLatencies(count: Int = 20_000, seed: UInt64 = 7) -> [Int64] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int64(exp(Double.random(in: 0..<log(1e10), using: &rng))) }
    }

    static func histogram(_ values: [Int64]) -> LatencyHistogram {
        var h = LatencyHistogram()
        for v in values { h.record(v) }
        return h
    }

    /// The nearest-rank percentile of sorted values: what the histogram approximates.
    static func exactPercentile(_ sorted: [Int64], _ p: Double) -> Int64 {
        sorted[max(1, Int((p / 100 * Double(sorted.count)).rounded(.up))) - 1]
    }

    @Test func recordingABufferCountsAsRecordingEachValue() {
        let values = Self.randomLatencies(count: 1_000)
        var batched = LatencyHistogram()
        values.withUnsafeBufferPointer { all in
            for start in stride(from: 0, to: all.count, by: 32) {
                batched.record(UnsafeBufferPointer(rebasing: all[start ..< min(start + 32, all.count)]))
            }
            batched.record(UnsafeBufferPointer(rebasing: all[0..<0]))
        }
        #expect(batched == Self.histogram(values))
    }

    @Test func smallValuesAreExact() {
        let h = Self.histogram(Array(0..<128))
        #expect(h.count == 128 && h.min == 0 && h.max == 127)
        #expect(h.percentile(0) == 0)
        #expect(h.percentile(50) == 63)
        #expect(h.percentile(100) == 127)
    }

    @Test func percentilesAreWithinOneIn128OfTheExactSample() {
        let values = Self.randomLatencies()
        let h = Self.histogram(values)
        let sorted = values.sorted()
        for p in [0, 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100] {
            let exact = Self.exactPercentile(sorted, p)
            let reported = h.percentile(p)
            #expect(abs(reported - exact) <= exact / 128, "p\(p): \(reported) vs exact \(exact)")
        }
        #expect(h.percentile(0) == sorted.first && h.percentile(100) == sorted.last)
        #expect(h.count == values.count)
    }

    @Test func everyBucketHoldsItsValuesAndIsAtMostOne64thOfItsLowerBoundWide() {
        var previous = -1
        for shift in 0..<63 {
            for offset: Int64 in [0, 1, 63, 64, 127] {
                let value = (Int64(1) << shift) &+ offset
                guard value > 0 else { continue }
                let index = LatencyHistogram.index(of: value)
                let (lower, width) = LatencyHistogram.bucket(at: index)
                #expect(lower <= value && value - lower < width, "\(value) not in bucket \(index)")
                #expect(width == 1 || width <= lower / 64, "bucket \(index) is too wide")
                previous = max(previous, index)
            }
        }
        #expect(LatencyHistogram.index(of: 0) == 0)
        #expect(LatencyHistogram.index(of: .max) == LatencyHistogram.bucketCount - 1)
        #expect(LatencyHistogram.bucketCount == 3712)
    }

    @Test func mergingHalvesEqualsRecordingAll() {
        let values = Self.randomLatencies(count: 10_000)
        var merged = Self.histogram(Array(values[..<4_000]))
        merged.merge(Self.histogram(Array(values[4_000...])))
        #expect(merged == Self.histogram(values))
        var intoEmpty = LatencyHistogram()
        intoEmpty.merge(merged)
        #expect(intoEmpty == merged)
    }

    @Test func emptyHistogramReportsZero() {
        let h = LatencyHistogram()
        #expect(h.isEmpty && h.count == 0)
        #expect(h.percentile(99) == 0)
    }

    @Test func encodesOnlyNonEmptyBuckets() throws {
        let h = Self.histogram([3, 3, 200, 1_000_000])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(h), as: UTF8.self)
        #expect(json == #"{"buckets":[[3,2],[164,1],[954,1]],"max":1000000,"min":3,"subBucketBits":6}"#)
    }

    @Test func roundTripsThroughJSON() throws {
        for h in [Self.histogram(Self.randomLatencies(count: 5_000)), LatencyHistogram()] {
            let decoded = try JSONDecoder().decode(LatencyHistogram.self, from: JSONEncoder().encode(h))
            #expect(decoded == h)
            #expect(decoded.percentile(99) == h.percentile(99))
        }
    }

    @Test func decodingRejectsAForeignLayoutAndBadBuckets() {
        let foreign = #"{"buckets":[[3,2]],"max":3,"min":3,"subBucketBits":7}"#
        let repeated = #"{"buckets":[[3,2],[3,1]],"max":3,"min":3,"subBucketBits":6}"#
        let misplacedMax = #"{"buckets":[[3,2]],"max":90,"min":3,"subBucketBits":6}"#
        let negative = #"{"buckets":[[3584,1]],"max":-1,"min":-1,"subBucketBits":6}"#
        for json in [foreign, repeated, misplacedMax, negative] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(LatencyHistogram.self, from: Data(json.utf8))
            }
        }
    }
}
