#if canImport(Glibc)
import Glibc
#endif

/// The parent's read end of one of a child's output pipes, and what has come through it so far.
struct OutputPipe {
    private(set) var fd: Int32
    private(set) var bytes: [UInt8] = []

    init(_ fd: Int32) { self.fd = fd }

    var isOpen: Bool { fd >= 0 }

    mutating func close() {
        guard isOpen else { return }
        _ = Glibc.close(fd)
        fd = -1
    }

    /// Waits up to `milliseconds` (-1: no limit) for any open pipe to have data or reach
    /// end-of-file, then reads what is ready; a pipe at end-of-file is closed.
    static func drain(_ pipes: inout [OutputPipe], waitingAtMost milliseconds: Int32,
                      for program: String) throws(MeasurementError) {
        let open = pipes.indices.filter { pipes[$0].isOpen }
        var fds = open.map { pollfd(fd: pipes[$0].fd, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        if ready < 0 {
            guard errno == EINTR else { throw .system(call: "poll", subject: program, errno: errno) }
            return
        }
        for (slot, i) in open.enumerated() where fds[slot].revents != 0 {
            try pipes[i].readAvailable(for: program)
        }
    }

    /// One `read` (poll said it will not block), through a stack buffer onto the end of `bytes`.
    private mutating func readAvailable(for program: String) throws(MeasurementError) {
        let (n, code) = withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 1) { buffer in
            let n = read(fd, buffer.baseAddress, buffer.count)
            let code = errno
            if n > 0 { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<n])) }
            return (n, code)
        }
        if n == 0 {
            close()
        } else if n < 0, code != EINTR, code != EAGAIN {
            throw .system(call: "read", subject: program, errno: code)
        }
    }
}
