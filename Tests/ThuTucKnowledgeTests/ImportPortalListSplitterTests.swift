import Testing
import ThuTucImport
import ThuTucKnowledge

/// Comma lists: subjects, agencies, authorities and levels.
struct ImportPortalListSplitterTests {
    @Test func subjectsWithInnerCommasStayWhole() {
        let subjects = PortalListSplitter.split("Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Cán bộ, công chức, viên chức, Doanh nghiệp")
        #expect(subjects == ["Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam", "Cán bộ, công chức, viên chức", "Doanh nghiệp"])
    }

    @Test func agenciesWithLowercaseContinuationStayWhole() {
        let agencies = PortalListSplitter.split("Cục cảnh sát quản lý hành chính về trật tự, xã hội, Công an tỉnh, Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở")
        #expect(agencies == ["Cục cảnh sát quản lý hành chính về trật tự, xã hội", "Công an tỉnh", "Cục Thuế - Bộ tài chính", "Thuế tỉnh, thành phố", "Thuế cơ sở"])
    }

    @Test func nonBreakingSpacesAndFinalFullStop() {
        #expect(PortalListSplitter.split("Ủy ban Nhân dân\u{00A0}xã,\u{00A0}phường,\u{00A0}thị trấn.") == ["Ủy ban Nhân dân xã, phường, thị trấn"])
        #expect(PortalListSplitter.split("Phòng Cảnh sát TP.") == ["Phòng Cảnh sát TP."])
    }

    @Test func emptyMarkersAndRepeats() {
        #expect(PortalListSplitter.split("Không có thông tin").isEmpty)
        #expect(PortalListSplitter.split("Bộ Công an, Bộ Công an").count == 1)
    }

    @Test func pageTextIsNotAName() {
        let (names, problems) = PortalListSplitter.names("phê duyệt nguồn vốn trồng rừngTên thủ tụcPhê duyệt Phương án khai thác gỗMã thủ tục1.011470")
        #expect(names.isEmpty)
        #expect(problems.map(\.kind) == [.listEntryGarbled])
        #expect(PortalListSplitter.names("Cơ quan có thẩm quyền phê duyệt nguồn vốn trồng rừng").names.count == 1)
    }

    @Test func levelsFromTheirLabels() {
        let levels = PortalListSplitter.split("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác").compactMap(Level.init(label:))
        #expect(levels == [.ministry, .province, .commune, .other])
    }
}
