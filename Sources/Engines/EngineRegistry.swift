import Contract

/// The engines issuebench ships, by name.
public enum EngineRegistry {
    public static let all: [any IssueEngine.Type] = [Phase1.self, Phase2.self, Phase3.self]

    /// The engine called `name`, if there is one.
    public static func named(_ name: String) -> (any IssueEngine.Type)? {
        all.first { $0.name == name }
    }
}
