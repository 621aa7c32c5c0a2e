import CZlib

/// zlib deflate and inflate, with the level chosen from a sample of the data: phase3 compresses
/// the pages it holds in its buffer.
///
/// `compress` deflates the first `sampleBytes` at level 1 and picks from that ratio: data that
/// barely shrinks (ratio ≥ 0.9) is stored raw, since the CPU would buy almost no memory; very
/// redundant data (≤ 0.35) gets level 1, which already captures most of what it can lose; data in
/// between gets level 2, or 3 when it compresses poorly (> 0.6), where a little more effort finds
/// matches level 1 misses. Levels stay at zlib's fast end: phase3 compresses pages while issues
/// wait for them, and on ~16 KB issue bodies levels 4–6 cost several times the CPU of level 1 for a
/// few percent more saving — measured to cut phase3's throughput on seed-phase-comparison by 4×.
enum Compressor {
    /// Bytes as held: raw (`level` 0) or zlib-compressed at `level`.
    struct Block: Sendable, Equatable {
        var level: Int32
        var rawCount: Int
        var bytes: [UInt8]
    }

    static let sampleBytes = 1024

    /// The level for data whose sample compresses at level 1 to `ratio` of its size; 0: store raw.
    static func level(forSampleRatio ratio: Double) -> Int32 {
        switch ratio {
        case ..<0.35: return 1
        case ..<0.6: return 2
        case ..<0.9: return 3
        default: return 0
        }
    }

    /// Bytes of input between two calls of `pause`.
    static let sliceBytes = 16 * 1024

    /// Compresses `bytes`, calling `pause` after every `sliceBytes` of input: deflating a 300 KB
    /// page takes milliseconds, during which the thread would run nothing else.
    static func compress(_ bytes: [UInt8], pause: () async -> Void = {}) async -> Block {
        let stored = Block(level: 0, rawCount: bytes.count, bytes: bytes)
        guard !bytes.isEmpty else { return stored }
        let level = level(forSampleRatio: sampleRatio(bytes))
        guard level > 0 else { return stored }
        let deflater = Deflater(level: level, totalBytes: bytes.count)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + sliceBytes)
            deflater.feed(bytes[start..<end], last: end == bytes.count)
            start = end
            if start < bytes.count { await pause() }
        }
        let compressed = deflater.bytes
        return compressed.count < bytes.count ? Block(level: level, rawCount: bytes.count, bytes: compressed) : stored
    }

    /// What the first `sampleBytes` of non-empty `bytes` shrink to at level 1, as a fraction.
    private static func sampleRatio(_ bytes: [UInt8]) -> Double {
        let sample = bytes.prefix(sampleBytes)
        let deflater = Deflater(level: 1, totalBytes: sample.count)
        deflater.feed(sample, last: true)
        return Double(deflater.bytes.count) / Double(sample.count)
    }

    static func decompress(_ block: Block) throws(CompressorError) -> [UInt8] {
        guard block.level > 0 else { return block.bytes }
        var status = Z_OK
        var produced = 0
        let raw = [UInt8](unsafeUninitializedCapacity: block.rawCount) { output, initialized in
            var length = uLongf(block.rawCount)
            status = block.bytes.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
            produced = status == Z_OK ? Int(length) : 0
            initialized = produced
        }
        guard status == Z_OK, produced == block.rawCount else {
            throw .inflateFailed(zlibStatus: status, expected: block.rawCount, produced: produced)
        }
        return raw
    }
}

/// Compressed bytes that do not inflate to what was compressed.
enum CompressorError: Error, Equatable, CustomStringConvertible {
    case inflateFailed(zlibStatus: Int32, expected: Int, produced: Int)

    var description: String {
        switch self {
        case let .inflateFailed(status, expected, produced):
            return "zlib inflate failed with status \(status): expected \(expected) bytes, produced \(produced)"
        }
    }
}
