extension SearchEngine {
    /// Whether a name deals with a paper the message says is held already
    /// ("Cấp Giấy phép thành lập …", "Cấp lại …" for a centre whose licence
    /// was granted) when the message asks for nothing to be done to that
    /// paper: the citizen wants the next step, not the paper again. A name
    /// that itself says the paper is held ("Đăng ký hoạt động … sau khi
    /// được cấp Giấy phép thành lập") is that next step; a message asking
    /// for a reissue or a renewal ("đã được cấp …, nay xin cấp lại") is
    /// about the held paper, and left to the actions' agreement.
    func issuesHeldPaper(_ name: some Collection<TitleWord>, asked: ConceptSet, held: [AnalyzedQuery.HeldPaper]) -> Bool {
        let lexicon = index.lexicon
        guard !lexicon.asksAction(asked) else { return false }
        let tokens = name.map { MatchToken(folded: $0.folded, marked: $0.marked) }
        for paper in held where paper.words.count <= tokens.count {
            for start in 0...(tokens.count - paper.words.count)
            where zip(tokens[start...], paper.words).allSatisfy({ $0.folded == $1.folded }) {
                let saysHeld = (0..<start).contains { cue in lexicon.held.longestMatch(in: tokens, at: cue)?.tokens.count == start - cue }
                if !saysHeld { return true }
            }
        }
        return false
    }
}
