/// The virtual clock's sleeping tasks, earliest deadline first; equal deadlines in the order the
/// tasks went to sleep, so a tie resumes the same way on every run.
///
/// A binary heap in an array: push and pop are O(log n) and allocate nothing once the array has
/// grown, which matters because every simulated request sleeps at least once.
struct SleeperHeap {
    struct Sleeper {
        var deadline: Int64
        /// Order of arrival; breaks ties between equal deadlines (first in, first out).
        var sequence: UInt64
        var continuation: UnsafeContinuation<Void, any Error>

        func precedes(_ other: Sleeper) -> Bool {
            (deadline, sequence) < (other.deadline, other.sequence)
        }
    }

    private var items: [Sleeper] = []

    var count: Int { items.count }

    var earliestDeadline: Int64? { items.first?.deadline }

    mutating func push(_ sleeper: Sleeper) {
        items.append(sleeper)
        siftUp(from: items.count - 1)
    }

    mutating func popFirst() -> Sleeper? {
        items.isEmpty ? nil : remove(at: 0)
    }

    /// Removes the sleeper that arrived as `sequence`, if it is still waiting.
    ///
    /// A linear search: only cancellation calls this, and a task group cancels its children once.
    mutating func remove(sequence: UInt64) -> Sleeper? {
        items.firstIndex { $0.sequence == sequence }.map { remove(at: $0) }
    }

    /// Empties the heap, handing back every sleeper (in no particular order).
    mutating func removeAll() -> [Sleeper] {
        defer { items.removeAll() }
        return items
    }

    private mutating func remove(at index: Int) -> Sleeper {
        items.swapAt(index, items.count - 1)
        let removed = items.removeLast()
        if index < items.count {
            siftDown(from: index)
            siftUp(from: index)
        }
        return removed
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { return }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { return }
            let right = left + 1
            let first = right < items.count && items[right].precedes(items[left]) ? right : left
            guard items[first].precedes(items[parent]) else { return }
            items.swapAt(first, parent)
            parent = first
        }
    }
}
