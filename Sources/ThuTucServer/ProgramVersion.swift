/// The version of the program, shown by `thutuc --version`, `STATS` and
/// `/metrics`; raised with each release an operator may install.
public enum ProgramVersion {
    public static let current = "0.8.0"
}
