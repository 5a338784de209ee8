/// The ministries whose catalogues the sources hold, by source folder.
///
/// The portal export names its folders after the ministry ("bo-tai-chinh"),
/// and a Word export's own folder is named the same way ("bo-quoc-phong"); Knowledge/
/// keeps the folder name for the output file and the ministry's proper name in
/// every procedure. A folder missing from this table stops the import instead
/// of producing procedures with a guessed ministry.
public enum Ministry {
    /// Folder name → the ministry's name as the portal writes it.
    public static let namesByFolder: [String: String] = [
        "bo-tai-chinh": "Bộ Tài chính",
        "bo-nong-nghiep-mt": "Bộ Nông nghiệp và Môi trường",
        "bo-xay-dung": "Bộ Xây dựng",
        "bo-cong-an": "Bộ Công an",
        "bo-tu-phap": "Bộ Tư pháp",
        "ngan-hang-nha-nuoc": "Ngân hàng Nhà nước",
        "toa-an-nhan-dan": "Tòa án nhân dân",
        "bo-quoc-phong": "Bộ Quốc phòng",
    ]

    /// The ministry's name for a source folder, or nil for an unknown folder.
    public static func name(forFolder folder: String) -> String? {
        namesByFolder[folder]
    }
}
