/// Arguments written so a shell reads them back unchanged: the exact command behind a result.
enum ShellQuoting {
    static func command(_ arguments: [String]) -> String {
        arguments.map(quoted).joined(separator: " ")
    }

    /// Bare when every character is safe, otherwise in single quotes (a quote inside as `'\''`).
    static func quoted(_ argument: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:+@%")
        guard argument.isEmpty || !argument.allSatisfy(safe.contains) else { return argument }
        return "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
