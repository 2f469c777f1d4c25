/* global module */
// office-addin-mock imports only the OfficeApp enum from office-addin-manifest, whose own dependency tree does not
// load under jest 30; this stub gives the enum and nothing else.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
