/// A first-in, first-out queue that holds at most `capacity` bytes: the back-pressure of phase3's
/// page stream.
///
/// A producer reserves room before it fetches (`reserve`), so pages on their way count too; when
/// the buffer is full the reservation is refused, and the producer does not fetch until a
/// consumer `pop`s. An empty buffer with nothing reserved accepts any reservation, so one element
/// larger than the whole capacity still gets through instead of stalling the stream; an element
/// may also turn out larger than its reservation, so the capacity can be exceeded by at most one
/// element. Popped elements are released at once: the buffer keeps nothing it handed out.
struct ByteBoundedBuffer<Element> {
    let capacity: Int
    /// Bytes of the elements held.
    private(set) var bytes = 0
    /// Bytes promised to elements on their way.
    private(set) var reserved = 0
    private var items: [(element: Element, bytes: Int)?] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    var count: Int { items.count - head }
    var isEmpty: Bool { head == items.count }

    /// Reserves `bytes` for an element on its way; false when they do not fit.
    mutating func reserve(_ bytes: Int) -> Bool {
        let idle = self.bytes == 0 && reserved == 0
        guard idle || self.bytes + reserved + bytes <= capacity else { return false }
        reserved += bytes
        return true
    }

    /// Gives back a reservation whose element will not come.
    mutating func cancel(reservation: Int) {
        reserved -= reservation
    }

    /// Appends an element of `bytes` that arrives on `reservation`.
    mutating func push(_ element: Element, bytes: Int, reservation: Int) {
        reserved -= reservation
        self.bytes += bytes
        items.append((element, bytes))
    }

    /// Takes the oldest element.
    mutating func pop() -> Element? {
        guard head < items.count, let item = items[head] else { return nil }
        items[head] = nil
        head += 1
        bytes -= item.bytes
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 32, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item.element
    }
}

extension ByteBoundedBuffer: Sendable where Element: Sendable {}
