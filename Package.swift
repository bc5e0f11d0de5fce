// swift-tools-version:6.0
import PackageDescription

// Layers, each depending only on the ones above it:
//   PipedeckCore      (Foundation only: model, money, actions, maths, undo)
//   PipedeckStorage   (JSON document, atomic file store)            -> Core, CPipedeckMapGuard
//   PipedeckUI        (screen state, key table, pure reducer)       -> Core
//   PipedeckRender    (state + size -> grid of styled cells)        -> Core, UI
//   PipedeckTerminal  (ncursesw: blit, keys, mouse, signals)        -> Render, UI, CNcursesw
//   PipedeckCLI       (commands, event loop, saving)                -> all of the above
//   pipedeck          (the executable: calls PipedeckCLI)

let package = Package(
    name: "Pipedeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pipedeck", targets: ["pipedeck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "PipedeckCore"),
        // A SIGBUS guard for the board file while it is decoded from a mapping (C: a signal
        // handler must not call into the Swift runtime).
        .target(name: "CPipedeckMapGuard"),
        .target(name: "PipedeckStorage", dependencies: ["PipedeckCore", "CPipedeckMapGuard"]),
        .target(name: "PipedeckUI", dependencies: ["PipedeckCore"]),
        // The shipped themes: themes/*.theme, compiled into the binary by the EmbedThemes build step.
        .target(name: "PipedeckRender", dependencies: ["PipedeckCore", "PipedeckUI"], plugins: ["EmbedThemes"]),
        .executableTarget(name: "pipedeck-embed-themes"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["pipedeck-embed-themes"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "PipedeckTerminal",
                dependencies: ["PipedeckRender", "PipedeckUI", "CNcursesw"]),
        .target(name: "PipedeckCLI",
                dependencies: [
                    "PipedeckCore", "PipedeckStorage", "PipedeckUI", "PipedeckRender", "PipedeckTerminal",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                ]),
        .executableTarget(name: "pipedeck", dependencies: ["PipedeckCLI"]),
        // Benchmark (swift run -c release pipedeck-bench) and the crash-test helper that the
        // storage tests kill at random moments. Neither is part of the product.
        .executableTarget(name: "pipedeck-bench", dependencies: ["PipedeckCore", "PipedeckStorage", "PipedeckUI", "PipedeckRender"]),
        .executableTarget(
            name: "pipedeck-torture", dependencies: ["PipedeckCore", "PipedeckStorage", "CPipedeckMapGuard"]),

        // What the CLI and end-to-end tests share: waiting with deadlines, finding and running the binary.
        .target(name: "PipedeckTestSupport", path: "Tests/PipedeckTestSupport"),

        .testTarget(name: "PipedeckCoreTests", dependencies: ["PipedeckCore"]),
        .testTarget(name: "PipedeckStorageTests", dependencies: ["PipedeckStorage", "pipedeck-torture"]),
        .testTarget(name: "PipedeckUITests", dependencies: ["PipedeckUI", "PipedeckStorage", "PipedeckRender", "PipedeckCLI"]),
        .testTarget(name: "PipedeckRenderTests", dependencies: ["PipedeckRender"], exclude: ["Snapshots"]),
        .testTarget(name: "PipedeckTerminalTests", dependencies: ["PipedeckTerminal"]),
        .testTarget(
            name: "PipedeckCLITests", dependencies: ["PipedeckCLI", "PipedeckRender", "pipedeck", "PipedeckTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["pipedeck", "PipedeckTestSupport"]),
    ]
)
