import Synchronization

/// One slot per position, filled by any number of workers in any order and read back in
/// position order: phase2's pages as they come, and the archive of phase1 and phase2.
final class IndexedSlots<Element: Sendable>: Sendable {
    private let slots: Mutex<[Element?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ element: Element, at index: Int) {
        slots.withLock { $0[index] = element }
    }

    /// Every element, in position order. Call once every slot is stored.
    func all() -> [Element] {
        slots.withLock { slots in
            slots.enumerated().map { index, element in
                guard let element else { preconditionFailure("slot \(index) of \(slots.count) was never stored") }
                return element
            }
        }
    }
}
