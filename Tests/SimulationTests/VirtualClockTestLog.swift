import Synchronization

/// What the tasks of a virtual-clock trial append to, from whichever task they run in.
final class VirtualClockTestLog<Entry: Sendable>: Sendable {
    private let entries = Mutex<[Entry]>([])

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    var all: [Entry] { entries.withLock { $0 } }
}
