// swift-tools-version: 6.0
import Foundation
import PackageDescription

// libFuzzer targets for ThuTuc, kept out of the main package so that its
// `swift build` and `swift test` never compile them. Build and run with
// Fuzz/run.sh, which passes -sanitize=fuzzer,address.
//
// SwiftPM names a path dependency after its directory, which is the
// checkout's name ("main" here, anything in another clone).
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let thuTuc = Target.Dependency.product(name: "ThuTuc", package: mainPackage)

let package = Package(
    name: "ThuTucFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CLibFuzzer"),
        // Shared by the targets: the libFuzzer driver, where the repository is, one knowledge load, invariant checks.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", thuTuc]),
        // Text normalisation: tokens, folding, NFC/NFD agreement, Telex/VNI decoding, edit distance.
        .executableTarget(name: "FuzzNormalizer", dependencies: ["FuzzSupport", thuTuc]),
        // The query engine and dialogue over the real Knowledge/: a question and a follow-up.
        .executableTarget(name: "FuzzEngine", dependencies: ["FuzzSupport", thuTuc]),
        // The protocol parser: line framing, JSON and plain requests, reply framing.
        .executableTarget(name: "FuzzProtocol", dependencies: ["FuzzSupport", thuTuc]),
    ],
    swiftLanguageModes: [.v6]
)
