extension Service {
    /// Loads the knowledge the configuration names (or `directory`) into a new service.
    public static func load(configuration: Configuration, knowledge directory: String? = nil, log: RequestLog) throws -> Service {
        Service(configuration: configuration, assistant: try assistant(for: configuration, knowledge: directory), log: log)
    }

    /// A service with its own configuration, sessions and log over the
    /// knowledge `other` already loaded, which is not loaded again: tests run
    /// many servers with different limits over one load.
    ///
    /// Callers never hold an `Assistant` value, so a module that only imports
    /// ThuTucServer is unaffected when the assistant's stored layout changes
    /// in a module it does not import (an incremental build would not
    /// recompile it).
    public convenience init(configuration: Configuration, sharingKnowledgeOf other: Service, log: RequestLog) {
        self.init(configuration: configuration, assistant: other.assistant, log: log)
    }
}
