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

    static func compress(_ bytes: [UInt8]) -> Block {
        let stored = Block(level: 0, rawCount: bytes.count, bytes: bytes)
        guard !bytes.isEmpty else { return stored }
        let sample = bytes.prefix(sampleBytes)
        let ratio = Double(deflate(sample, level: 1).count) / Double(sample.count)
        let level = level(forSampleRatio: ratio)
        guard level > 0 else { return stored }
        let compressed = deflate(bytes[...], level: level)
        return compressed.count < bytes.count ? Block(level: level, rawCount: bytes.count, bytes: compressed) : stored
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

    /// zlib-format deflate of non-empty `input` at `level`.
    private static func deflate(_ input: ArraySlice<UInt8>, level: Int32) -> [UInt8] {
        let bound = Int(compressBound(uLong(input.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { output, initialized in
            var length = uLongf(bound)
            let status = input.withUnsafeBufferPointer { input in
                compress2(output.baseAddress, &length, input.baseAddress, uLong(input.count), level)
            }
            // compress2 fails only on a bad level or no memory: the output is sized by compressBound.
            precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
            initialized = Int(length)
        }
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
