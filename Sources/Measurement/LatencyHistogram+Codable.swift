/// Compact JSON: only the non-empty buckets, as `[index, count]` pairs in index order, beside the
/// exact extremes and the bucket layout, e.g.
/// `{"subBucketBits": 6, "min": 3, "max": 900, "buckets": [[3, 1], [206, 4]]}`.
/// Decoding checks the layout and every pair, so a hand-edited or foreign file fails loudly.
extension LatencyHistogram: Codable {
    private enum CodingKeys: String, CodingKey { case subBucketBits, min, max, buckets }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.subBucketBits, forKey: .subBucketBits)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        let pairs = counts.indices.filter { counts[$0] != 0 }.map { [$0, counts[$0]] }
        try container.encode(pairs, forKey: .buckets)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func corrupt(_ key: CodingKeys, _ message: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        let bits = try container.decode(Int.self, forKey: .subBucketBits)
        guard bits == Self.subBucketBits else {
            throw corrupt(.subBucketBits, "expected \(Self.subBucketBits), found \(bits)")
        }
        self.init()
        var previous = -1
        for pair in try container.decode([[Int]].self, forKey: .buckets) {
            guard pair.count == 2, pair[0] > previous, pair[0] < Self.bucketCount, pair[1] > 0 else {
                throw corrupt(.buckets, "expected [index, count] pairs with increasing indexes below "
                                  + "\(Self.bucketCount) and counts above 0, found \(pair)")
            }
            previous = pair[0]
            counts[previous] = pair[1]
            count &+= pair[1]
        }
        min = try container.decode(Int64.self, forKey: .min)
        max = try container.decode(Int64.self, forKey: .max)
        guard min >= 0, min <= max else { throw corrupt(.min, "expected 0 <= min <= max (\(max)), found \(min)") }
        let first = counts.firstIndex { $0 != 0 }, last = counts.lastIndex { $0 != 0 }
        guard first.map({ Self.index(of: min) == $0 }) ?? (min == 0) else {
            throw corrupt(.min, "\(min) is not in the first non-empty bucket")
        }
        guard last.map({ Self.index(of: max) == $0 }) ?? (max == 0) else {
            throw corrupt(.max, "\(max) is not in the last non-empty bucket")
        }
    }
}
