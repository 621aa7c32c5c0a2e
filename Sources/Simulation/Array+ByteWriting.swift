extension Array where Element == UInt8 {
    /// The first bytes that `body` writes into a temporary buffer, as many as it returns (see
    /// `overwrite(writing:margin:_:)`).
    init(writing capacity: Int, margin: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        self = []
        overwrite(writing: capacity, margin: margin, body)
    }

    /// Replaces the contents with the first bytes that `body` writes into a temporary buffer of
    /// `capacity` bytes and `margin` more, as many as it returns. The margin lets writers copy in
    /// whole 16-byte moves past the end of their text (`TextWriter`, `ClausePool`).
    ///
    /// The bytes go into the array's own storage when it is large enough and nobody else holds
    /// it (the text of an issue the API listed before and everyone has let go of since), which
    /// saves an allocation and a free; else into new storage (`replaceSubrange` and
    /// `withUnsafeMutableBufferPointer` allocate it when the storage is shared). Writing into a
    /// temporary buffer and copying is cheaper than
    /// `init(unsafeUninitializedCapacity:initializingWith:)`, whose allocation runs in the
    /// runtime's unspecialised generic path and looks the storage class's metadata up under a lock
    /// on every call (some 350 instructions, measured with callgrind on Swift 6.3, Linux); a
    /// `memcpy` of a few hundred bytes costs far less.
    mutating func overwrite(writing capacity: Int, margin: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity + margin) { buffer in
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!, count: body(buffer.baseAddress!))
            // Storage more than twice the text (and a little) is let go: a slot that text after
            // text is written over would end up holding the largest it ever held.
            let fits = bytes.count <= self.capacity && self.capacity <= 2 * bytes.count + 128
            if fits && bytes.count == count {
                // The same length (every body when their size is fixed): a plain copy, half the
                // instructions of `replaceSubrange`.
                withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: bytes) }
            } else if fits {
                replaceSubrange(indices, with: bytes)
            } else {
                self = Array(bytes)
            }
        }
    }
}
