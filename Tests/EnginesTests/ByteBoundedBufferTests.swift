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
}
