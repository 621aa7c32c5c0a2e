/// A first-in, first-out queue that holds at most `capacity` bytes: the back-pressure of phase3's
/// page stream.
///
/// A producer reserves room before it fetches (`reserve`), so pages on their way count too; when
/// the buffer is full the reservation is refused, and the producer does not fetch until a
/// consumer `pop`s. An empty buffer with nothing reserved accepts any reservation, so one element
/// larger than the whole capacity still gets through instead of stalling the stream; an element
/// may also turn out larger than its reservation, so the capacity can be exceeded by at most one
/// element. Popped elements are released at once: the buffer keeps nothing it handed out.
///
/// Each element gets an `ID` when it is pushed, so a held element can be replaced by a smaller
/// form of itself (phase3 compresses waiting pages) without taking it out of line.
struct ByteBoundedBuffer<Element> {
    /// Numbers elements in the order they were pushed, from 0.
    typealias ID = Int

    /// An element still held, with its number.
    struct Held {
        var id: ID
        var element: Element
    }

    let capacity: Int
    /// Bytes of the elements held.
    private(set) var bytes = 0
    /// Bytes promised to elements on their way.
    private(set) var reserved = 0
    private var items: [(element: Element, bytes: Int)?] = []
    private var head = 0
    /// The `ID` of `items[0]`.
    private var firstID = 0

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

    /// The oldest element, left in line.
    var first: Element? { head < items.count ? items[head]?.element : nil }

    /// Takes the oldest element.
    mutating func pop() -> Element? {
        guard head < items.count, let item = items[head] else { return nil }
        items[head] = nil
        head += 1
        bytes -= item.bytes
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            firstID += head
            head = 0
        } else if head >= 32, head * 2 >= items.count {
            items.removeFirst(head)
            firstID += head
            head = 0
        }
        return item.element
    }

    /// The newest element held that satisfies `isWanted(element, bytesAhead)`, where `bytesAhead`
    /// are the bytes of the elements before it; searched from the newest back.
    func newest(where isWanted: (Element, Int) -> Bool) -> Held? {
        var behind = 0
        for index in stride(from: items.count - 1, through: head, by: -1) {
            guard let item = items[index] else { continue }
            let ahead = bytes - behind - item.bytes
            if isWanted(item.element, ahead) { return Held(id: firstID + index, element: item.element) }
            behind += item.bytes
        }
        return nil
    }

    /// Replaces element `id` with `element` of `bytes`, in its place in line; false when it was
    /// popped meanwhile.
    mutating func replace(_ id: ID, with element: Element, bytes: Int) -> Bool {
        let index = id - firstID
        guard index >= head, index < items.count, let old = items[index] else { return false }
        items[index] = (element, bytes)
        self.bytes += bytes - old.bytes
        return true
    }
}

extension ByteBoundedBuffer: Sendable where Element: Sendable {}
extension ByteBoundedBuffer.Held: Sendable where Element: Sendable {}
