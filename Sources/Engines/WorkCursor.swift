import Synchronization

/// Hands out the indices 0..<count once each, in order, to any number of workers: one atomic
/// add per item.
final class WorkCursor: Sendable {
    let count: Int
    private let next = Atomic<Int>(0)

    init(count: Int) {
        self.count = count
    }

    func take() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
