@testable import Engines
import Testing

@Suite struct ByteBoundedBufferTests {
    @Test func refusesReservationsBeyondCapacityUntilAConsumerPops() {
        var buffer = ByteBoundedBuffer<String>(capacity: 100)
        var granted = [buffer.reserve(60), buffer.reserve(60)]
        buffer.push("a", bytes: 60, reservation: 60)
        granted += [buffer.reserve(40)]
        buffer.push("b", bytes: 40, reservation: 40)
        granted += [buffer.reserve(1)]
        let popped = buffer.pop()
        #expect(popped == "a")
        #expect(buffer.bytes == 40)
        granted += [buffer.reserve(60), buffer.reserve(1)]
        #expect(granted == [true, false, true, false, true, false])
    }

    @Test func anIdleBufferAcceptsOneOversizedElement() {
        var buffer = ByteBoundedBuffer<Int>(capacity: 10)
        var granted = [buffer.reserve(500), buffer.reserve(1)]
        buffer.push(1, bytes: 500, reservation: 500)
        granted += [buffer.reserve(1)]
        let popped = buffer.pop()
        #expect(granted == [true, false, false])
        #expect(popped == 1)
        #expect(buffer.isEmpty && buffer.bytes == 0 && buffer.reserved == 0)
    }

    @Test func cancelledReservationFreesRoom() {
        var buffer = ByteBoundedBuffer<Int>(capacity: 10)
        var granted = [buffer.reserve(8), buffer.reserve(8)]
        buffer.cancel(reservation: 8)
        granted += [buffer.reserve(8)]
        #expect(granted == [true, false, true])
    }

    @Test func elementsComeOutFirstInFirstOutAcrossCompaction() {
        var buffer = ByteBoundedBuffer<Int>(capacity: 1_000_000)
        var out: [Int] = []
        for i in 0..<200 {
            buffer.push(i, bytes: 1, reservation: 0)
            if i % 3 == 0, let first = buffer.pop() { out.append(first) }
        }
        while let next = buffer.pop() { out.append(next) }
        #expect(out == Array(0..<200))
        #expect(buffer.count == 0)
    }

    @Test func newestFindsTheLastMatchWithTheBytesAheadOfIt() {
        var buffer = ByteBoundedBuffer<String>(capacity: 1000)
        for (name, bytes) in [("a", 10), ("b", 20), ("c", 30), ("d", 40)] { buffer.push(name, bytes: bytes, reservation: 0) }
        var aheadOfNewest = -1
        let newest = buffer.newest { _, ahead in
            aheadOfNewest = ahead
            return true
        }
        #expect(newest?.element == "d" && newest?.id == 3 && aheadOfNewest == 60)
        // c has exactly a's 10 and b's 20 bytes ahead of it.
        #expect(buffer.newest { name, ahead in name != "d" && ahead >= 30 }?.element == "c")
        #expect(buffer.newest { name, ahead in name != "d" && ahead > 30 } == nil)
        #expect(buffer.newest { _, ahead in ahead > 60 } == nil)
    }

    @Test func replacingKeepsThePlaceInLineAndRecountsTheBytes() {
        var buffer = ByteBoundedBuffer<String>(capacity: 1000)
        for name in ["a", "b", "c"] { buffer.push(name, bytes: 100, reservation: 0) }
        let b = buffer.newest { name, _ in name == "b" }!
        let replaced = buffer.replace(b.id, with: "B", bytes: 10)
        #expect(replaced)
        #expect(buffer.bytes == 210)
        #expect([buffer.pop(), buffer.pop(), buffer.pop()] == ["a", "B", "c"])
        #expect(buffer.bytes == 0)
    }

    @Test func anElementPoppedBeforeItsReplacementIsNotReplaced() {
        var buffer = ByteBoundedBuffer<Int>(capacity: 1_000_000)
        for i in 0..<100 { buffer.push(i, bytes: 1, reservation: 0) }
        let first = buffer.newest { value, _ in value == 0 }!
        let late = buffer.newest { value, _ in value == 70 }!
        for _ in 0..<50 { _ = buffer.pop() }  // past the internal compaction of the storage
        let replaced = [buffer.replace(first.id, with: -1, bytes: 1), buffer.replace(late.id, with: -70, bytes: 5)]
        #expect(replaced == [false, true])
        #expect(buffer.bytes == 54)
        var rest: [Int] = []
        while let next = buffer.pop() { rest.append(next) }
        #expect(rest == Array(50..<70) + [-70] + Array(71..<100))
    }
}
