// The embedded .qm files (:/i18n/mikomi_ja.qm, :/i18n/mikomi_en.qm) are attached to this library.
namespace mikomi {
int translationsLibraryAnchor() {
    return 0;
}
} // namespace mikomi
