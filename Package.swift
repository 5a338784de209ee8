// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ThuTuc",
    products: [
        .library(
            name: "ThuTuc",
            targets: [
                "ThuTucText", "ThuTucJSON", "ThuTucKnowledge", "ThuTucImport",
                "ThuTucSearch", "ThuTucDialogue", "ThuTucServer",
            ]
        ),
        .executable(name: "thutuc", targets: ["thutuc"]),
    ],
    targets: [
        // Glibc does not expose epoll, eventfd or accept4; this shim does.
        .target(name: "CEpoll"),
        // Vietnamese text: Unicode folding, syllables, tokens, typo and Telex repair.
        .target(name: "ThuTucText"),
        // A strict, bounded, fast JSON reader and a reply writer, for knowledge files and requests.
        .target(name: "ThuTucJSON"),
        // The procedure catalogue, curated overlays, lexicon and templates: model, loader, validation.
        .target(name: "ThuTucKnowledge", dependencies: ["ThuTucText", "ThuTucJSON"]),
        // Turns the portal's flattened records into the Knowledge/ schema.
        .target(name: "ThuTucImport", dependencies: ["ThuTucKnowledge"]),
        // Question understanding and ranking: index, intents, scoring.
        .target(name: "ThuTucSearch", dependencies: ["ThuTucText", "ThuTucKnowledge"]),
        // Sessions, follow-ups, clarifications, answer rendering and the facts JSON replies carry.
        .target(name: "ThuTucDialogue", dependencies: ["ThuTucSearch", "ThuTucKnowledge", "ThuTucText", "ThuTucJSON"]),
        // Scoring a question set the way ../shared/eval/score.py does, for `thutuc eval`, the bench and the tests.
        .target(name: "ThuTucEvaluation", dependencies: ["ThuTucDialogue", "ThuTucKnowledge"]),
        // Line editing, history and wrapped, styled output for the REPL on a terminal.
        .target(name: "ThuTucTerminal"),
        // Configuration, the line protocol and the TCP server.
        .target(
            name: "ThuTucServer", dependencies: ["ThuTucDialogue", "ThuTucSearch", "ThuTucKnowledge", "ThuTucJSON", "ThuTucText", "CEpoll"]
        ),
        .executableTarget(
            name: "thutuc",
            dependencies: [
                "ThuTucServer", "ThuTucDialogue", "ThuTucEvaluation", "ThuTucSearch", "ThuTucImport", "ThuTucKnowledge", "ThuTucJSON", "ThuTucText",
                "ThuTucTerminal",
            ]
        ),
        .executableTarget(
            name: "thutuc-bench",
            dependencies: ["ThuTucServer", "ThuTucDialogue", "ThuTucEvaluation", "ThuTucSearch", "ThuTucKnowledge", "ThuTucJSON", "ThuTucText", "CEpoll"]
        ),
        .testTarget(name: "ThuTucTextTests", dependencies: ["ThuTucText"]),
        .testTarget(name: "ThuTucKnowledgeTests", dependencies: ["ThuTucKnowledge", "ThuTucImport", "ThuTucJSON"]),
        .testTarget(name: "ThuTucSearchTests", dependencies: ["ThuTucSearch", "ThuTucDialogue", "ThuTucEvaluation", "ThuTucKnowledge", "ThuTucText"]),
        .testTarget(name: "ThuTucServerTests", dependencies: ["ThuTucServer", "ThuTucDialogue", "ThuTucKnowledge"]),
        .testTarget(name: "ThuTucTerminalTests", dependencies: ["ThuTucTerminal"]),
        // Runs the built `thutuc` executable: its command line, and its REPL through a pseudo-terminal.
        .testTarget(name: "ThuTucCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
