#if canImport(Glibc)
import Glibc
#endif

/// Linux calls that glibc declares only under `_GNU_SOURCE`, which Swift's Glibc module is built
/// without, so they are looked up by name. Both are in every glibc since 2.27 (2018).
enum GNUCalls {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>?, UInt32) -> Int32

    /// `pipe2(fds, O_CLOEXEC)` creates a pipe that is close-on-exec from birth: with `pipe` then
    /// `fcntl`, a child forked by another thread in between would inherit the pipe's write end and
    /// hold it open, so our reader would not see end-of-file until that unrelated child exits.
    static let pipe2: Pipe2 = symbol("pipe2")

    /// An anonymous in-memory file: a child's standard input, written in full before the child
    /// starts, so feeding it can neither deadlock nor raise SIGPIPE.
    static let memfdCreate: MemfdCreate = symbol("memfd_create")

    /// `MFD_CLOEXEC`.
    static let memfdCloseOnExec: UInt32 = 1

    private static func symbol<F>(_ name: String) -> F {
        // RTLD_DEFAULT (a null handle): search the libraries already loaded, where libc is.
        guard let address = dlsym(nil, name) else { fatalError("glibc lacks \(name): \(String(cString: dlerror()))") }
        return unsafeBitCast(address, to: F.self)
    }
}
