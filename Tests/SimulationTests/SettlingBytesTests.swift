import Testing
@testable import Simulation

@Suite struct SettlingBytesTests {
    @Test func readsBackWhatWasWrittenAcrossChunks() {
        var bytes = SettlingBytes(count: 10_000, value: 7)
        #expect(bytes[0] == 7 && bytes[9_999] == 7)
        for i in stride(from: 0, to: 10_000, by: 3) { bytes[i] = UInt8(i % 5) }
        for i in 0..<10_000 { #expect(bytes[i] == (i % 3 == 0 ? UInt8(i % 5) : 7)) }
    }

    @Test func aChunkHoldsAnArrayOnlyWhileItsBytesDiffer() {
        var bytes = SettlingBytes(count: 10_000)
        #expect(bytes.unsettledChunks == 0)
        bytes[5] = 1
        bytes[4_096 + 5] = 1
        #expect(bytes.unsettledChunks == 2)
        bytes[5] = 0
        #expect(bytes.unsettledChunks == 1, "back to all zeros")
        for i in 4_096..<8_192 { bytes[i] = 1 }
        #expect(bytes.unsettledChunks == 0, "all ones")
        #expect(bytes[4_100] == 1 && bytes[4_095] == 0 && bytes[8_192] == 0)
    }

    @Test func aChangeOfTheFirstByteIsCountedLikeAnyOther() {
        var bytes = SettlingBytes(count: 100)
        bytes[0] = 1
        bytes[1] = 1
        #expect(bytes.unsettledChunks == 1)
        for i in 2..<100 { bytes[i] = 1 }
        #expect(bytes.unsettledChunks == 0, "the last chunk is shorter: 100 bytes, all 1")
        bytes[0] = 2
        for i in 1..<99 { bytes[i] = 2 }
        #expect(bytes.unsettledChunks == 1)
        bytes[99] = 2
        #expect(bytes.unsettledChunks == 0)
        #expect((0..<100).allSatisfy { bytes[$0] == 2 })
    }

    /// 200,000 issues taken through three states by a window of a few thousand, as an engine
    /// works: the memory follows the window, and nothing is left at the end.
    @Test func aMovingWindowLeavesEveryChunkSettled() {
        var bytes = SettlingBytes(count: 200_000)
        var mostUnsettled = 0
        for i in 0..<200_000 + 3_000 {
            if i < 200_000 { bytes[i] |= 1 }
            if i >= 3_000 { bytes[i - 3_000] |= 2 }
            if i % 1_000 == 0 { mostUnsettled = max(mostUnsettled, bytes.unsettledChunks) }
        }
        #expect(mostUnsettled <= 2)
        #expect(bytes.unsettledChunks == 0)
        #expect(bytes[0] == 3 && bytes[199_999] == 3)
    }
}

@Suite struct SettlingBytesCopyTests {
    @Test func aCopyKeepsTheBytesAndChangesIndependently() {
        var bytes = SettlingBytes(count: 10_000)
        for i in stride(from: 0, to: 10_000, by: 7) { bytes[i] = 3 }
        var copy = bytes.copy()
        #expect((0..<10_000).allSatisfy { copy[$0] == bytes[$0] })
        #expect(copy.unsettledChunks == bytes.unsettledChunks)
        copy[1] = 9
        for i in 0..<4_096 { bytes[i] = 3 }
        #expect(bytes[1] == 3 && copy[1] == 9 && copy[2] == 0)
        #expect(bytes.unsettledChunks == 2 && copy.unsettledChunks == 3)
    }
}
