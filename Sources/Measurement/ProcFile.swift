#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and writes of `/proc` and `/sys` files with plain syscalls.
///
/// `/proc` files report a size of 0 and are generated on each read, so they are read in a loop
/// until end of file; failures throw with the path and errno instead of returning "" (a silent
/// empty read would turn into a plausible-looking 0 bytes of memory).
enum ProcFile {
    static func read(_ path: String) throws(MeasurementError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(call: "open", subject: path, errno: errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes.append(contentsOf: chunk[..<n])
            } else if n == 0 {
                return String(decoding: bytes, as: UTF8.self)
            } else if errno != EINTR {
                throw .system(call: "read", subject: path, errno: errno)
            }
        }
    }

    static func write(_ text: String, to path: String) throws(MeasurementError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(call: "open", subject: path, errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n >= 0 {
                written += n
            } else if errno != EINTR {
                throw .system(call: "write", subject: path, errno: errno)
            }
        }
    }
}
