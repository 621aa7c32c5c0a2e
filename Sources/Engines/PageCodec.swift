import Contract

/// Flattens a page's issues into bytes and back, so a buffered page can be compressed as one block.
///
/// Layout, little-endian: issue count (u32), then per issue its id (i64), comment count (u32),
/// title length (u32) and title, body length (u32) and body.
enum PageCodec {
    static func encode(_ issues: [Issue]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + issues.reduce(0) { $0 + 20 + $1.byteCount })
        append(UInt32(issues.count), to: &bytes)
        for issue in issues {
            append(UInt64(bitPattern: Int64(issue.id)), to: &bytes)
            append(UInt32(issue.commentCount), to: &bytes)
            append(UInt32(issue.title.count), to: &bytes)
            bytes.append(contentsOf: issue.title)
            append(UInt32(issue.body.count), to: &bytes)
            bytes.append(contentsOf: issue.body)
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) throws(PageCodecError) -> [Issue] {
        var reader = Reader(bytes: bytes)
        let count = Int(try reader.integer(UInt32.self))
        var issues: [Issue] = []
        issues.reserveCapacity(count)
        for _ in 0..<count {
            let id = Int(Int64(bitPattern: try reader.integer(UInt64.self)))
            let commentCount = Int(try reader.integer(UInt32.self))
            let title = try reader.bytes(Int(try reader.integer(UInt32.self)))
            let body = try reader.bytes(Int(try reader.integer(UInt32.self)))
            issues.append(Issue(id: id, title: title, body: body, commentCount: commentCount))
        }
        guard reader.offset == bytes.count else { throw .trailingBytes(bytes.count - reader.offset) }
        return issues
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(PageCodecError) -> T {
            let size = MemoryLayout<T>.size
            guard bytes.count - offset >= size else { throw .truncated(at: offset, needed: size) }
            var value = T.zero
            for i in 0..<size { value |= T(bytes[offset + i]) << (8 * i) }
            offset += size
            return value
        }

        mutating func bytes(_ count: Int) throws(PageCodecError) -> [UInt8] {
            guard bytes.count - offset >= count else { throw .truncated(at: offset, needed: count) }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
    }
}

/// Bytes that are not an encoded page.
enum PageCodecError: Error, Equatable, CustomStringConvertible {
    case truncated(at: Int, needed: Int)
    case trailingBytes(Int)

    var description: String {
        switch self {
        case let .truncated(offset, needed):
            return "encoded page truncated at byte \(offset): needed \(needed) more"
        case let .trailingBytes(count):
            return "encoded page has \(count) bytes after its last issue"
        }
    }
}
