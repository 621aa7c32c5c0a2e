#if canImport(Glibc)
import Glibc
#endif

/// A NULL-terminated array of C strings (`argv`, `envp`) that stays put in memory until released:
/// made before `fork`, so that the child needs no allocation to call `execve`.
final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: count + 1)
        for (i, string) in strings.enumerated() { pointers[i] = strdup(string) }
        pointers[count] = nil
    }

    deinit {
        for i in 0..<count { free(pointers[i]) }
        pointers.deallocate()
    }
}
