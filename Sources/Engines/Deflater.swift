import CZlib

/// One zlib-format deflate stream, fed a slice at a time, so a long compression can pause between
/// slices and let other tasks run on its thread.
///
/// The output buffer is sized by `deflateBound` up front, so every `feed` consumes all its input
/// (zlib copies what it needs into its own window, and keeps no pointer to the slice after the
/// call). Owns C memory: `finish` or `deinit` releases it.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableBufferPointer<UInt8>

    /// A stream at `level` for `totalBytes` of input in all.
    init(level: Int32, totalBytes: Int) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Fails only on a bad level or no memory; the levels come from `Compressor.level`.
        let status = deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit failed with status \(status)")
        output = .allocate(capacity: Int(deflateBound(stream, uLong(totalBytes))))
        stream.pointee.next_out = output.baseAddress
        stream.pointee.avail_out = uInt(output.count)
        self.stream = stream
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `slice`; `last` ends the stream.
    func feed(_ slice: ArraySlice<UInt8>, last: Bool) {
        let status = slice.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            defer { stream.pointee.next_in = nil }
            return CZlib.deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
        }
        // With room for the whole bound, deflate always takes all its input and finishes.
        precondition(status == (last ? Z_STREAM_END : Z_OK) && stream.pointee.avail_in == 0,
                     "zlib deflate failed with status \(status)")
    }

    /// The compressed bytes, once the last slice was fed.
    var bytes: [UInt8] { Array(output.prefix(Int(stream.pointee.total_out))) }
}
