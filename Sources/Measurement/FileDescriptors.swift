#if canImport(Glibc)
import Glibc
#endif

/// The file descriptors a launch opens, closed together on every path out of it unless released.
///
/// Every descriptor is close-on-exec from birth, so none leaks into a child forked concurrently
/// by another thread, and numbered 3 or above, so that `dup2` onto 0, 1 and 2 in the child can
/// never overwrite one source with another (a process started with stdin closed gets fd 0 back
/// from its first `pipe`).
struct FileDescriptors {
    private var owned: [Int32] = []

    /// A pipe: (read end, write end).
    mutating func pipe(for program: String) throws(MeasurementError) -> (Int32, Int32) {
        var ends: [Int32] = [-1, -1]
        guard GNUCalls.pipe2(&ends, O_CLOEXEC) == 0 else {
            throw .system(call: "pipe2", subject: program, errno: errno)
        }
        let read = try adopt(ends[0], for: program)
        return (read, try adopt(ends[1], for: program))
    }

    /// An in-memory file holding `bytes`, positioned at its start: a child's standard input.
    mutating func standardInput(_ bytes: [UInt8], for program: String) throws(MeasurementError) -> Int32 {
        let raw = GNUCalls.memfdCreate("stdin", GNUCalls.memfdCloseOnExec)
        guard raw >= 0 else { throw .system(call: "memfd_create", subject: program, errno: errno) }
        let fd = try adopt(raw, for: program)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n >= 0 {
                written += n
            } else if errno != EINTR {
                throw .system(call: "write", subject: program, errno: errno)
            }
        }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .system(call: "lseek", subject: program, errno: errno) }
        return fd
    }

    /// Closes these now.
    mutating func close(_ fds: [Int32]) {
        for fd in fds { _ = Glibc.close(fd) }
        release(fds)
    }

    /// Stops owning these: the caller closes them.
    mutating func release(_ fds: [Int32]) {
        owned.removeAll { fds.contains($0) }
    }

    mutating func closeAll() { close(owned) }

    /// Takes ownership of `fd`, first moving it to 3 or above if it is a standard stream's number.
    private mutating func adopt(_ fd: Int32, for program: String) throws(MeasurementError) -> Int32 {
        guard fd < 3 else {
            owned.append(fd)
            return fd
        }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        let code = errno
        _ = Glibc.close(fd)
        guard moved >= 0 else { throw .system(call: "fcntl", subject: program, errno: code) }
        owned.append(moved)
        return moved
    }
}
