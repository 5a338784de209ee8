/// The ministries whose catalogues the portal export holds, by source folder.
///
/// The export names folders after the ministry ("bo-tai-chinh"); Knowledge/
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
    ]

    /// The ministry's name for a source folder, or nil for an unknown folder.
    public static func name(forFolder folder: String) -> String? {
        namesByFolder[folder]
    }
}
