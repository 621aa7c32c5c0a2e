/// Elements copied once into memory that is never written again nor freed: the process-wide
/// tables text generation reads for every issue (`Vocabulary`, `ClausePool`).
///
/// An array would do, but every copy of one (into a `Corpus`, a closure, a `TextWriter`) retains
/// its storage, and a retain is an atomic add on the storage's header: on a table that every core
/// reads per issue, the cache line holding that count moves from core to core on each one. A
/// buffer pointer is not reference-counted.
///
/// Its unchecked `Sendable` conformance is safe: the memory is initialised in `init`, before the buffer can be
/// shared, is never written afterwards (nothing here hands out a mutable pointer) and is never
/// deallocated, so every thread reads the same, immutable bytes for as long as the process lives.
/// The tables are built once per process (`static let`), so nothing accumulates.
struct FrozenBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    init(_ elements: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = memory.initialize(from: elements)
        buffer = UnsafeBufferPointer(memory)
    }

    var count: Int { buffer.count }
    /// The first element's address (a valid address even when empty).
    var base: UnsafePointer<Element> { buffer.baseAddress! }

    subscript(index: Int) -> Element { buffer[index] }
}
