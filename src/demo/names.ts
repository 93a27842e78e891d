/** Name banks for the demo's customers: common Danish, Italian and international names. */

export const NAMES = {
  dk: {
    first: [
      'Mette', 'Anne', 'Louise', 'Camilla', 'Sofie', 'Ida', 'Emma', 'Freja', 'Caroline', 'Maria', 'Julie',
      'Signe', 'Laura', 'Cecilie', 'Line', 'Karen', 'Hanne', 'Astrid', 'Nanna', 'Maja', 'Lærke', 'Birgitte',
      'Mads', 'Rasmus', 'Mikkel', 'Frederik', 'Jonas', 'Anders', 'Christian', 'Søren', 'Morten', 'Lars',
      'Kasper', 'Jesper', 'Henrik', 'Thomas', 'Emil', 'Oliver', 'Magnus', 'Niels', 'Jens', 'Bo', 'Asger',
      'Troels', 'Simon', 'Peter', 'Martin', 'Jakob', 'Tobias', 'Nikolaj',
    ],
    last: [
      'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
      'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen',
      'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Lund', 'Holm', 'Schmidt',
      'Eriksen', 'Kjær', 'Dahl', 'Bach', 'Skov', 'Frandsen', 'Bjerre', 'Vestergaard', 'Østergaard',
    ],
  },
  it: {
    first: [
      'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Alessia', 'Elena', 'Federica', 'Silvia',
      'Paola', 'Laura', 'Sofia', 'Aurora', 'Beatrice', 'Anna', 'Roberta', 'Ilaria', 'Marco', 'Luca',
      'Alessandro', 'Andrea', 'Matteo', 'Francesco', 'Lorenzo', 'Davide', 'Simone', 'Giuseppe', 'Stefano',
      'Riccardo', 'Tommaso', 'Gabriele', 'Paolo', 'Giovanni', 'Fabio', 'Nicola', 'Emanuele', 'Pietro',
    ],
    last: [
      'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
      'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
      'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini',
      'Leone', 'Longo', 'Gentile', 'Villa', 'Cattaneo', 'Fabbri',
    ],
  },
  intl: {
    first: [
      'Emily', 'Sarah', 'Hannah', 'Anna', 'Lena', 'Sophie', 'Charlotte', 'Ingrid', 'Elin', 'Saga', 'Fleur',
      'Marie', 'Olivia', 'Chloe', 'James', 'Tom', 'Daniel', 'Lukas', 'Jan', 'Erik', 'Lars', 'Pieter',
      'Sebastian', 'Felix', 'Noah', 'Oscar', 'Max', 'David', 'Ben', 'Liam', 'Aisha', 'Priya', 'Omar',
    ],
    last: [
      'Smith', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Schneider', 'Fischer', 'Weber', 'Johansson',
      'Andersson', 'Lindqvist', 'Berg', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Dubois', 'Martin',
      'Kowalski', 'Novak', 'Haugen', 'Virtanen', "O'Brien", 'Murphy', 'Khan', 'Patel', 'Garcia',
    ],
  },
} as const;
