import Foundation

/// Builds `Resources/codebooks/cameo.tsv` from the tables in `../shared/data/cameo`: codes,
/// names, Goldstein values and both quad classes from `cameo_codes_goldstein_plover.tsv`, and
/// the PLOVER event, mode and context from `CAMEO2PLOVER-2021.txt` (whose three fields keep an
/// empty mode apart from a context, which the summary column of the first table runs together).
public enum CodebookBuilder {
    public struct Output: Sendable {
        public var text: String
        public var codeCount: Int
        public var issues: [KnowledgeFileError]
    }

    public static func build(data: URL) throws -> Output {
        var issues: [KnowledgeFileError] = []
        let folder = data.appendingPathComponent("cameo")
        let plover = try readPlover(folder.appendingPathComponent("CAMEO2PLOVER-2021.txt"), issues: &issues)
        let url = folder.appendingPathComponent("cameo_codes_goldstein_plover.tsv")
        let table = try TabularFile(url: url, requireColumns: false)
        var goldstein: [String: Double] = [:]
        var lines: [String] = []
        var names: [String: String] = [:]
        for row in table.rows {
            let code = String(row[0]).trimmingCharacters(in: .whitespaces)
            guard (2...4).contains(code.count), code.allSatisfy(\.isNumber), let quad = Int(row[4]), let phoenix = Int(row[3]),
                (1...4).contains(quad), (0...4).contains(phoenix)
            else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: row.line, message: "not a CAMEO code row; skipped"))
                continue
            }
            // A code without a value or a name takes its parent's (1033 from 103; 0110 from 011).
            let parent = String(code.dropLast())
            let value = Double(row[2]) ?? goldstein[parent] ?? goldstein[String(parent.dropLast())]
            guard let value else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: row.line, message: "\(code): no Goldstein value, nor a parent's; skipped"))
                continue
            }
            goldstein[code] = value
            var name = String(row[1]).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = names[parent] ?? "" }
            names[code] = name
            let type = plover[code] ?? (code.count == 4 ? plover[parent] : nil)
            lines.append(
                [code, name, String(value), String(quad), String(phoenix), type?.event ?? "", type?.mode ?? "", type?.context ?? ""]
                    .joined(separator: "\t"))
        }
        let text = "# CAMEO event codes, derived by `faultline kb build-gazetteer` from the CAMEO tables (MIT) and CAMEO2PLOVER-2021 (CC BY-SA 4.0). quad: GDELT scheme by root; quad_phoenix: Phoenix's.\n"
            + "code\tname\tgoldstein\tquad\tquad_phoenix\tplover_event\tplover_mode\tplover_context\n" + lines.joined(separator: "\n") + "\n"
        return Output(text: text, codeCount: lines.count, issues: issues)
    }

    /// `CODE: EVENT, MODE, CONTEXT # comment` lines; two-digit headers name the root's type.
    static func readPlover(_ url: URL, issues: inout [KnowledgeFileError]) throws -> [String: PloverType] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read as UTF-8: \(error.localizedDescription)")
        }
        var result: [String: PloverType] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("~") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: number + 1, message: "no 'CODE:'; skipped"))
                continue
            }
            let code = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard (2...4).contains(code.count), code.allSatisfy(\.isNumber) else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: number + 1, message: "'\(code)' is not a CAMEO code; skipped"))
                continue
            }
            let fields = line[line.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let event = fields.first, !event.isEmpty else { continue }
            // The first mapping of a code wins (root 08 is listed for CONCEDE and for RETREAT).
            if result[code] == nil {
                result[code] = PloverType(event: event, mode: fields.count > 1 ? fields[1] : "", context: fields.count > 2 ? fields[2] : "")
            }
        }
        return result
    }
}
