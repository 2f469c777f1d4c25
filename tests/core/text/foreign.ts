/**
 * Text in other languages written with Latin-1 letters and symbols, as found in workbooks from anywhere: test material
 * for the legacy detection, which must leave every one of them alone. Written for these tests.
 */
export const FOREIGN: readonly string[] = [
  // French
  'Données', 'Données brutes', 'Numéro de référence', 'Catégorie', 'Quantité livrée', 'Année précédente', 'Élève',
  'Résumé des ventes', 'Chiffre d\'affaires été 2019', 'Prévisions à court terme', 'Où est le thé ?', 'Ça dépend',
  'Coût unitaire (€)', 'Hôtel de ville', 'Forêt', 'Français', 'Dépenses réelles', 'Total général', 'Société Générale',
  // German
  'Müller', 'Größe', 'Straße', 'Übersicht', 'Jährliche Änderung', 'Schlüssel', 'Gemüse', 'Öffnungszeiten', 'Bürgermeister',
  // Spanish, Portuguese, Italian
  'Año', 'Niño', 'Señor Muñoz', 'Información básica', 'Población', 'Descripción', 'São Paulo', 'Ação', 'Città', 'Perché',
  'Número de teléfono', 'Días hábiles', 'Canción', 'Mañana',
  // Nordic
  'Ålesund', 'Øre', 'Smørrebrød', 'Københavns Kommune', 'Göteborg', 'Västerås',
  // English with symbols
  '£m', '£000s', 'Revenue (£m)', '· Item one', '· Item two', '• bullet', '© 2019 Acme Ltd', 'Café ® Inc.', '½ price',
  '¼ mile', '25°C', '± 5%', '× 3', 'µg/m³', '¶ 4', '§ 12.3', 'Price £', '¥1000', '¿Qué?', '¡Hola!', 'naïve résumé',
  'coöperate', 'façade', 'Zoë', 'Chloé', 'Brontë', 'piñata', 'jalapeño', 'crème brûlée', 'déjà vu', 'fiancée',
];
