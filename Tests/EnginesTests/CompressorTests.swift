import Contract
@testable import Engines
import Testing

@Suite struct CompressorTests {
    static let text = Array(
        String(repeating: "the crash regression is slow and the memory leak is broken; ", count: 200).utf8)

    @Test func redundantTextCompressesAtLevelOneAndRoundTrips() throws {
        let block = Compressor.compress(Self.text)
        #expect(block.level == 1)
        #expect(block.bytes.count < Self.text.count / 10)
        #expect(try Compressor.decompress(block) == Self.text)
    }

    @Test func incompressibleBytesAreStoredRaw() throws {
        var random = SplitMix64(seed: 7)
        let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let block = Compressor.compress(noise)
        #expect(block.level == 0)
        #expect(block.bytes == noise)
        #expect(try Compressor.decompress(block) == noise)
    }

    @Test func emptyInputIsStoredRaw() throws {
        let block = Compressor.compress([])
        #expect(block == Compressor.Block(level: 0, rawCount: 0, bytes: []))
        #expect(try Compressor.decompress(block) == [])
    }

    @Test func levelFollowsTheSampleRatio() {
        #expect(Compressor.level(forSampleRatio: 0.2) == 1)
        #expect(Compressor.level(forSampleRatio: 0.5) == 2)
        #expect(Compressor.level(forSampleRatio: 0.75) == 3)
        #expect(Compressor.level(forSampleRatio: 0.95) == 0)
    }

    @Test func corruptBlockThrowsWithZlibStatus() {
        var block = Compressor.compress(Self.text)
        block.bytes[2] ^= 0xFF
        block.bytes.removeLast(block.bytes.count / 2)
        #expect(throws: CompressorError.self) { try Compressor.decompress(block) }
        let error = CompressorError.inflateFailed(zlibStatus: -3, expected: 12000, produced: 0)
        #expect(error.description == "zlib inflate failed with status -3: expected 12000 bytes, produced 0")
    }
}
